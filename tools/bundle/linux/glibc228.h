/* Force-included (gcc -include) into every C file of the bundle's Python, built in a Debian 11 chroot
 * (glibc 2.31), so that the result runs on glibc 2.28 (UOS 20, Kylin V10 …).
 *
 * glibc 2.29 gave these five libm functions new symbol versions (faster, same results up to rounding of
 * the last bit, and no errno/SVID quirks); a program linked against 2.29+ asks for exp@GLIBC_2.29 and
 * will not start on 2.28. Binding every reference to the old version keeps the old, still exported,
 * implementation. The other new-in-2.30 call CPython uses, sem_clockwait, is switched off at configure
 * time (ac_cv_func_sem_clockwait=no; Python then waits with sem_timedwait). scan_glibc.py proves the rest.
 */
#ifndef OGI_GLIBC228_H
#define OGI_GLIBC228_H
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
#endif
