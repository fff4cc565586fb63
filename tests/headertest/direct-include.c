/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Must NOT compile: the per-module headers refuse to be included on their
 * own (headertest.py compile --expect-error checks the message). */
#include <claims/claims-value.h>

int
main (void)
{
  return 0;
}
