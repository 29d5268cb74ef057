/*
 * write_floor: the C floor for writing the benchmark sheet with libxlsxwriter, the library Juesuan's
 * writer wraps. Same data as `juesuan-bench write` and bench/write_python.py: ROWS × 10 (codes as
 * text, 500 Chinese labels, six 2-decimal amounts, a row number, a label), drawn from the same
 * 64-bit LCG. No Swift, no validation, no fsync.
 *
 * Build: cc -O2 -o write_floor write_floor.c $(pkg-config --cflags --libs xlsxwriter)
 * Usage: write_floor OUT.xlsx [standard|constant] [ROWS]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static uint64_t state = 20241231;
static uint64_t draw(void) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: write_floor OUT.xlsx [standard|constant] [ROWS]\n"); return 64; }
    int constant = argc > 2 && strncmp(argv[2], "constant", 8) == 0;
    long rows = argc > 3 ? atol(argv[3]) : 200000;

    /* 500 labels of 4..12 characters from the same word list (each character is 3 bytes in UTF-8) */
    static const char words[] = "一般公共服务支出行政运行机关服务政法委员会事务社会保障就业卫生健康住房公积金培训费差旅费办公费";
    size_t nchars = (sizeof words - 1) / 3;
    static char labels[500][64];
    for (int i = 0; i < 500; i++) {
        int length = 4 + (int)(draw() % 9);
        char *p = labels[i];
        for (int k = 0; k < length; k++) { memcpy(p, words + 3 * (draw() % nchars), 3); p += 3; }
        *p = 0;
    }
    static const char *header[10] = {"科目代码", "科目名称", "合计", "基本支出", "项目支出", "上缴上级支出",
                                     "经营支出", "对附属单位补助支出", "行次", "备注"};

    lxw_workbook_options options = {.constant_memory = constant ? LXW_TRUE : LXW_FALSE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(argv[1], &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
    for (int c = 0; c < 10; c++) worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    char code[16];
    for (long r = 1; r <= rows; r++) {
        snprintf(code, sizeof code, "%llu", (unsigned long long)(2010000 + draw() % 1000000));
        worksheet_write_string(ws, (lxw_row_t)r, 0, code, NULL);
        worksheet_write_string(ws, (lxw_row_t)r, 1, labels[draw() % 500], NULL);
        for (int c = 2; c < 8; c++) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, (double)(draw() % 10000001) / 100.0, NULL);
        worksheet_write_number(ws, (lxw_row_t)r, 8, (double)r, NULL);
        worksheet_write_string(ws, (lxw_row_t)r, 9, labels[draw() % 500], NULL);
    }
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "workbook_close: %s\n", lxw_strerror(err)); return 2; }
    return 0;
}
