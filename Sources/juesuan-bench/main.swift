import Foundation
import SpreadsheetKit

// juesuan-bench: in-process timings of the workbook layer, for regressions while developing.
// Usage: swift run -c release juesuan-bench read FILE [REPEAT]
// Whole-process comparisons with other tools are in bench/compare.sh.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, arguments.first == "read" else {
    FileHandle.standardError.write(Data("usage: juesuan-bench read FILE [REPEAT]\n".utf8))
    exit(64)
}
let path = arguments[arguments.startIndex + 1]
let repeats = arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 3 : 3
var times: [Double] = []
for _ in 0..<repeats {
    var cells = 0, rows = 0
    let t = try seconds {
        let book = try Workbook(path: path)
        for sheet in book.sheets {
            try book.forEachRow(in: sheet) { row in
                rows += 1
                cells += row.cells.count
            }
        }
    }
    times.append(t)
    print("read \(rows) rows, \(cells) cells in \(String(format: "%.3f", t)) s")
}
print("median \(String(format: "%.3f", times.sorted()[times.count / 2])) s")
