import CXlsxWriter
func probe() {
    let e: lxw_error = LXW_NO_ERROR
    let b = LXW_BORDER_THIN
    let s = lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)
    print(e, b, s as Any, type(of: b), type(of: LXW_COLOR_BLACK), type(of: LXW_ALIGN_CENTER), LXW_ROW_MAX)
}
