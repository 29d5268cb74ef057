import Foundation

// Shared by the fuzz targets: drive every reading path of a workbook, and build stored ZIPs.

/// Reads everything a workbook offers; a `WorkbookReadError` is the expected answer to a bad file,
/// anything else thrown is a bug (and so is a crash, an ASan report, a leak or a hang).
func exerciseReader(_ data: Data) {
    // Small parts keep inflation bounded per input; the limit itself is exercised too.
    let options = Workbook.Options(maxPartSize: 8 << 20)
    do {
        let book = try Workbook(data: data, name: "fuzz.xlsx", options: options)
        _ = book.definedNames
        for sheet in book.sheets {
            try book.forEachRow(in: sheet) { row in
                for cell in row.cells {
                    _ = cell.value.dumpText
                    _ = cell.reference.a1
                }
            }
            let loaded = try book.worksheet(sheet)
            _ = loaded.usedRange
            _ = try book.comments(in: sheet)
            let out = OutputBuffer { _ in }
            try DumpWriter(format: .json, output: out).dump(book, sheets: [sheet])
            try DumpWriter(format: .tsv, output: out).dump(book, sheets: [sheet])
        }
    } catch is WorkbookReadError {
        // The expected answer to a bad file.
    } catch {
        fatalError("reader threw something other than WorkbookReadError: \(error)")
    }
}
