#ifndef ALMANAC_CEDITLINE_SHIM_H
#define ALMANAC_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
