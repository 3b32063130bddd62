#ifndef CN_SHIM_H
#define CN_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int cn_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* Globals and macros Swift cannot import or that Swift 6 rejects as shared mutable state. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_rows_of(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int cn_cols_of(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline unsigned int cn_a_bold(void) { return A_BOLD; }
static inline unsigned int cn_a_reverse(void) { return A_REVERSE; }
static inline unsigned int cn_a_dim(void) { return A_DIM; }
static inline unsigned int cn_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int cn_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cn_key_f(int n) { return KEY_F(n); }
/* Reads one wide character or key; returns ERR, OK (a character) or KEY_CODE_YES (a key). */
static inline int cn_get_wch(unsigned int *out) { wint_t c = 0; int r = get_wch(&c); *out = (unsigned int)c; return r; }
static inline int cn_addwstr(int y, int x, const wchar_t *s) { return mvaddwstr(y, x, s); }
static inline void cn_mouse_all(void) { mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL); }
static inline int cn_mouse_wheel(void) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    if (e.bstate & BUTTON4_PRESSED) return -1;
#ifdef BUTTON5_PRESSED
    if (e.bstate & BUTTON5_PRESSED) return 1;
#endif
    return 0;
}
#endif
