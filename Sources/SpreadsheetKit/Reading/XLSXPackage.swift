import Foundation

/// An opened OOXML spreadsheet package: parts found through the relationships, never by name.
final class XLSXPackage {
    let zip: ZipArchive
    let workbookPart: String
    let sheets: [SheetInfo]
    let dateSystem: DateSystem
    let definedNames: [DefinedName]
    let sharedStrings: [String]
    let styles: [ResolvedStyle]

    /// The most cells one sheet may hold (``ReadingLimits/maxCellsPerSheet``).
    let maxCellsPerSheet: Int

    init(zip: ZipArchive, options: Workbook.Options = Workbook.Options()) throws {
        self.zip = zip
        maxCellsPerSheet = options.maxCellsPerSheet
        zip.maxAttributesPerElement = options.maxAttributesPerElement
        let file = zip.fileName
        guard zip.contains("[Content_Types].xml") else {
            throw WorkbookReadError.notAWorkbook(file: file, reason: "ZIP 中没有 [Content_Types].xml / no [Content_Types].xml in the ZIP")
        }
        let root = try Self.relationships(of: "", in: zip)
        guard let office = root.first(where: { $0.kind == "officeDocument" && !$0.isExternal }) else {
            throw WorkbookReadError.notAWorkbook(file: file, reason: "_rels/.rels 未指向工作簿 / _rels/.rels names no workbook part")
        }
        workbookPart = RelationshipsParser.resolve(office.target, from: "")
        let workbook = WorkbookPartParser()
        try zip.parse(workbookPart, with: workbook)
        let rels = try Self.relationships(of: workbookPart, in: zip)
        var byID: [String: Relationship] = [:]
        for rel in rels { byID[rel.id] = rel }

        var sheets: [SheetInfo] = []
        for (index, entry) in workbook.sheets.enumerated() {
            guard let rel = byID[entry.relationshipID] else {
                throw WorkbookReadError.missingPart(file: file, part: "\(workbookPart) → \(entry.relationshipID) (工作表 / sheet '\(entry.name)')")
            }
            let kind: SheetKind = rel.kind == "worksheet" ? .worksheet : (rel.kind == "chartsheet" ? .chartsheet : .other)
            sheets.append(SheetInfo(index: index, name: entry.name, visibility: entry.visibility, kind: kind,
                                    part: RelationshipsParser.resolve(rel.target, from: workbookPart)))
        }
        self.sheets = sheets
        dateSystem = workbook.dateSystem
        definedNames = workbook.definedNames

        if let sst = rels.first(where: { $0.kind == "sharedStrings" && !$0.isExternal }) {
            let part = RelationshipsParser.resolve(sst.target, from: workbookPart)
            let parser = SharedStringsParser(fileName: file, part: part, maxStrings: options.maxSharedStrings,
                                             maxBytes: options.maxStringBytes)
            try zip.parse(part, with: parser)
            sharedStrings = parser.strings
        } else {
            sharedStrings = []
        }
        if let stylesRel = rels.first(where: { $0.kind == "styles" && !$0.isExternal }) {
            let parser = StylesParser()
            try zip.parse(RelationshipsParser.resolve(stylesRel.target, from: workbookPart), with: parser)
            styles = parser.resolved()
        } else {
            styles = []
        }
    }

    private static func relationships(of part: String, in zip: ZipArchive) throws -> [Relationship] {
        let relsPart = part.isEmpty ? "_rels/.rels" : RelationshipsParser.relsPart(of: part)
        guard zip.contains(relsPart) else {
            if part.isEmpty { throw WorkbookReadError.missingPart(file: zip.fileName, part: relsPart) }
            return []
        }
        let parser = RelationshipsParser()
        try zip.parse(relsPart, with: parser)
        return parser.relationships
    }

    func comments(of sheet: SheetInfo) throws -> [(CellReference, CellComment)] {
        let rels = try Self.relationships(of: sheet.part, in: zip)
        var result: [(CellReference, CellComment)] = []
        for rel in rels where rel.kind == "comments" && !rel.isExternal {
            let parser = CommentsParser()
            try zip.parse(RelationshipsParser.resolve(rel.target, from: sheet.part), with: parser)
            result += parser.comments
        }
        return result
    }

    /// What turns this package's raw cells into public values.
    var decoder: CellDecoder { CellDecoder(sharedStrings: sharedStrings, styles: styles, dateSystem: dateSystem) }

    func streamRows(of sheet: SheetInfo, _ body: @escaping (Row) throws -> Void) throws -> SheetLayout {
        let decoder = self.decoder
        var row = Row(number: 0, cells: [])
        return try streamRawRows(of: sheet) { raw in
            decoder.row(raw, into: &row)
            try body(row)
        }
    }

    /// Streams the sheet's rows as the parser holds them (see ``RawRow``).
    func streamRawRows(of sheet: SheetInfo, _ body: @escaping (RawRow) throws -> Void) throws -> SheetLayout {
        guard sheet.kind == .worksheet else { return SheetLayout() } // chart sheets have no cells
        let parser = SheetParser(sharedStringCount: sharedStrings.count, fileName: zip.fileName, sheetName: sheet.name, onRow: body)
        parser.part = sheet.part
        parser.maxCells = maxCellsPerSheet
        try zip.parse(sheet.part, with: parser)
        return parser.layout
    }
}
