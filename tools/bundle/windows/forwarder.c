/* An empty DLL whose exports are all forwarders (the .def file, made by make_icu_forwarder.py, lists them).
 *
 * Used for icuuc.dll in the Wine prefix that builds and tests the Windows bundle (never shipped in it):
 * Qt 6.12's Qt6Core.dll imports the converters (ucnv_*) from Windows' own unversioned icuuc.dll, present
 * since Windows 10 1703 but missing in Wine 8. The loader resolves each forwarder to the versioned name
 * (ucnv_open_78 ...) in the ICU DLLs of the icu4py wheel, copied into the same system folder.
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
