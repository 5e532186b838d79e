/* form-catalog.c — being written. */
#include "form-private.h"
