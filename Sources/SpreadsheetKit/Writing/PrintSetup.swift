/// How a sheet prints: paper, orientation, scaling, repeated title rows, margins, header and
/// footer, centring. Set it with ``SheetWriter/setPrintSetup(_:)``; it is applied when the
/// workbook is closed, and a later call replaces an earlier one entirely.
///
/// ```swift
/// var setup = PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide)
/// setup.repeatedRows = 1...4                       // title rows on every page
/// setup.footer = "&C第 &P 页，共 &N 页"
/// setup.centerHorizontally = true
/// try sheet.setPrintSetup(setup)
/// ```
public struct PrintSetup: Hashable, Sendable {
    /// Paper size; `nil` leaves the printer's default.
    public var paper: PaperSize?
    /// Portrait (default) or landscape.
    public var orientation: PageOrientation
    /// Fit the printout to a number of pages; takes precedence over ``scale`` in Excel.
    public var fit: FitToPages?
    /// Print scale in percent (10…400); `nil` for 100 %.
    public var scale: Int?
    /// 1-based rows repeated at the top of every page (`_xlnm.Print_Titles`).
    public var repeatedRows: ClosedRange<Int>?
    /// 1-based columns repeated at the left of every page.
    public var repeatedColumns: ClosedRange<Int>?
    /// Only this range prints (`_xlnm.Print_Area`).
    public var printArea: CellRange?
    /// Page margins in inches; `nil` keeps Excel's defaults.
    public var margins: PageMargins?
    /// Header text in Excel's header codes (`&L`, `&C`, `&R`, `&P`, `&N`, `&D` …), at most 255
    /// characters.
    public var header: String?
    /// Footer text in the same codes.
    public var footer: String?
    /// Centres the printout horizontally on the page.
    public var centerHorizontally: Bool
    /// Centres the printout vertically on the page.
    public var centerVertically: Bool
    /// Prints the cell gridlines.
    public var printGridlines: Bool

    /// ```swift
    /// PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide)
    /// ```
    public init(paper: PaperSize? = nil, orientation: PageOrientation = .portrait, fit: FitToPages? = nil,
                scale: Int? = nil, repeatedRows: ClosedRange<Int>? = nil,
                repeatedColumns: ClosedRange<Int>? = nil, printArea: CellRange? = nil,
                margins: PageMargins? = nil, header: String? = nil, footer: String? = nil,
                centerHorizontally: Bool = false, centerVertically: Bool = false,
                printGridlines: Bool = false) {
        self.paper = paper
        self.orientation = orientation
        self.fit = fit
        self.scale = scale
        self.repeatedRows = repeatedRows
        self.repeatedColumns = repeatedColumns
        self.printArea = printArea
        self.margins = margins
        self.header = header
        self.footer = footer
        self.centerHorizontally = centerHorizontally
        self.centerVertically = centerVertically
        self.printGridlines = printGridlines
    }

    /// Checks every field against Excel's limits.
    ///
    /// ```swift
    /// try PrintSetup(scale: 500).validate() // throws .printScaleOutOfRange(500)
    /// ```
    public func validate() throws {
        try checkLimits()
    }

    /// ``validate()`` with its error type spelled out, for the writer's own typed paths.
    func checkLimits() throws(WorkbookWriterError) {
        if let paper, !(0...255).contains(paper.code) { throw WorkbookWriterError.paperSizeOutOfRange(paper.code) }
        if let fit {
            for pages in [fit.width, fit.height] where !(0...32_767).contains(pages) {
                throw WorkbookWriterError.fitToPagesOutOfRange(pages)
            }
        }
        if let scale, !WritingLimits.printScales.contains(scale) { throw WorkbookWriterError.printScaleOutOfRange(scale) }
        if let rows = repeatedRows {
            for row in [rows.lowerBound, rows.upperBound] where !(1...Limits.maxRows).contains(row) {
                throw WorkbookWriterError.rowOutOfRange(row)
            }
        }
        if let columns = repeatedColumns {
            for column in [columns.lowerBound, columns.upperBound] where !(1...Limits.maxColumns).contains(column) {
                throw WorkbookWriterError.columnOutOfRange(column)
            }
        }
        if let area = printArea {
            try SheetWriter.checkBounds(area.first)
            try SheetWriter.checkBounds(area.last)
        }
        if let margins {
            for value in [margins.left, margins.right, margins.top, margins.bottom, margins.header, margins.footer]
            where !(value.isFinite && value >= 0) {
                throw WorkbookWriterError.marginOutOfRange(value)
            }
        }
        for text in [header, footer].compactMap({ $0 }) {
            if text.utf16.count > WritingLimits.maxHeaderFooterLength { throw WorkbookWriterError.headerFooterTooLong(text) }
            if text.contains("&G") || text.contains("&[Picture]") { throw WorkbookWriterError.headerFooterPicture(text) }
            if text.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "header/footer") }
        }
    }
}

/// Page orientation.
///
/// ```swift
/// PrintSetup(orientation: .landscape)
/// ```
public enum PageOrientation: Hashable, Sendable {
    /// Taller than wide (default).
    case portrait
    /// Wider than tall.
    case landscape
}

/// Fit the printout to `width` pages across and `height` pages down; 0 means "as many as needed".
///
/// ```swift
/// FitToPages.oneWide                 // fit to one page wide, any number of pages tall
/// FitToPages(width: 1, height: 1)    // everything on one page
/// ```
public struct FitToPages: Hashable, Sendable {
    /// Pages across; 0 for as many as needed.
    public var width: Int
    /// Pages down; 0 for as many as needed.
    public var height: Int

    /// ```swift
    /// FitToPages(width: 2, height: 0)
    /// ```
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// One page wide, as many pages tall as needed (`fit_to_pages(1, 0)`).
    public static let oneWide = FitToPages(width: 1, height: 0)
}

/// A paper size, by Excel's paper code (`paperSize` in `<pageSetup>`).
///
/// ```swift
/// PaperSize.a4          // code 9
/// PaperSize(code: 70)   // A6, by its code
/// ```
public struct PaperSize: Hashable, Sendable {
    /// Excel's code, 0…255 (0 is the printer default).
    public var code: Int

    /// ```swift
    /// PaperSize(code: 9) == .a4 // true
    /// ```
    public init(code: Int) { self.code = code }

    /// US Letter, code 1.
    public static let letter = PaperSize(code: 1)
    /// US Legal, code 5.
    public static let legal = PaperSize(code: 5)
    /// A3, code 8.
    public static let a3 = PaperSize(code: 8)
    /// A4, code 9.
    public static let a4 = PaperSize(code: 9)
    /// A5, code 11.
    public static let a5 = PaperSize(code: 11)
    /// B4 (JIS), code 12.
    public static let b4 = PaperSize(code: 12)
    /// B5 (JIS), code 13.
    public static let b5 = PaperSize(code: 13)
}

/// Page margins in inches. The defaults are Excel's.
///
/// ```swift
/// PageMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
/// ```
public struct PageMargins: Hashable, Sendable {
    /// Left margin.
    public var left: Double
    /// Right margin.
    public var right: Double
    /// Top margin.
    public var top: Double
    /// Bottom margin.
    public var bottom: Double
    /// Distance of the header from the top edge; applied together with a header text.
    public var header: Double
    /// Distance of the footer from the bottom edge; applied together with a footer text.
    public var footer: Double

    /// ```swift
    /// PageMargins(top: 1.0, bottom: 1.0, header: 0.5)
    /// ```
    public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75,
                header: Double = 0.3, footer: Double = 0.3) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.header = header
        self.footer = footer
    }
}
