#ifndef PODIUM_CNCURSES_SHIM_H
#define PODIUM_CNCURSES_SHIM_H

// Turn on ncurses' wide-character API (get_wch, add_wch, setcchar…) before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <ncursesw/curses.h>

// Swift 6 refuses mutable C globals such as `stdscr`, `LINES` and `COLS`;
// these accessors hand them over as plain function results.
static inline WINDOW *podium_stdscr(void) { return stdscr; }
static inline int podium_lines(void) { return LINES; }
static inline int podium_cols(void) { return COLS; }
static inline int podium_colors(void) { return COLORS; }
static inline int podium_color_pairs(void) { return COLOR_PAIRS; }

// Attribute and key macros that Swift cannot import.
static inline attr_t podium_a_bold(void) { return A_BOLD; }
static inline attr_t podium_a_dim(void) { return A_DIM; }
static inline attr_t podium_a_italic(void) { return A_ITALIC; }
static inline attr_t podium_a_underline(void) { return A_UNDERLINE; }
static inline attr_t podium_a_reverse(void) { return A_REVERSE; }
static inline int podium_key_f(int n) { return KEY_F(n); }

// A screen on the process's own standard output and input (stdio globals, wrapped for Swift 6).
static inline SCREEN *podium_newterm(void) { return newterm(NULL, stdout, stdin); }

#endif
