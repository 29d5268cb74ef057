extension CellValue {
    /// The text of the value as the dump formats show it: numbers exactly as stored,
    /// `TRUE`/`FALSE`, errors as Excel writes them, dates in ISO 8601, strings as they are.
    public var dumpText: String {
        switch self {
        case .empty: return ""
        case .number(let text): return text
        case .string(let s): return s
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let d): return d.iso8601
        }
    }

    /// The `type` key of the JSON dump.
    public var dumpType: String {
        switch self {
        case .empty: return "empty"
        case .number: return "number"
        case .string: return "string"
        case .boolean: return "boolean"
        case .error: return "error"
        case .date: return "date"
        }
    }
}

extension Cell {
    /// Whether the dump shows this cell (it has a value, or a formula without a cached value).
    public var isShownInDump: Bool { !value.isEmpty || formula != nil }
}
