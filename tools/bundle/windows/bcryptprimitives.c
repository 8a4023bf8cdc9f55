/* bcryptprimitives.dll for the Wine prefix that builds and tests the Windows bundle (never shipped in it).
 *
 * Windows 10 has this DLL; Wine 8 does not. QtPdf (PDFium) looks up ProcessPrng in it at start-up for its
 * random numbers and aborts without it. ProcessPrng fills a buffer with cryptographically strong random
 * bytes and always succeeds; RtlGenRandom (advapi32's SystemFunction036, which Wine has) does the same job.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) { /* RtlGenRandom takes a ULONG length: feed it in chunks */
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
