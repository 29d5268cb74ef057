import CZip
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a copy of a workbook package with some cell values changed, keeping everything else:
/// every part other than the patched worksheets (and the workbook part, for `fullCalcOnLoad`) is
/// copied with its compressed bytes as they are (styles, drawings, images, comments, validation,
/// defined names, VBA, custom XML), so the copy is byte-identical to the original there. The
/// patched worksheets are streamed through a byte-level rewriter checked by the SAX parser (no
/// DTD, well-formed), never loaded whole. The output is written atomically: to a temporary file
/// beside the destination, then moved into place; an existing file is replaced only when asked.
public enum PackagePatcher {
    /// Applies `patch` to the package at `source`, writing the result to `destination`.
    @discardableResult
    public static func apply(_ patch: PackagePatch, to source: String, writingTo destination: String,
                             replaceExisting: Bool = false,
                             options: Workbook.Options = Workbook.Options()) throws -> PatchOutcome {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath()
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath()
        if sourceURL == destinationURL { throw PatchError.sameFile(path: destination) }
        if !replaceExisting && AtomicPublisher.exists(destinationURL.path) {
            throw WorkbookWriterError.destinationExists(path: destination)
        }
        guard FileManager.default.fileExists(atPath: source) else { throw WorkbookReadError.fileNotFound(file: source) }

        let reader = try ZipArchive(path: source, maxEntrySize: options.maxPartSize)
        let workbookPart = try Self.workbookPart(in: reader)
        var code: Int32 = 0
        guard let original = zip_open(source, ZIP_RDONLY, &code) else {
            throw WorkbookReadError.corruptArchive(file: source, reason: "zip_open \(code)")
        }
        defer { zip_discard(original) }
        func storedName(_ part: String) -> String? {
            let index = zip_name_locate(original, part, zip_flags_t(ZIP_FL_NOCASE))
            guard index >= 0, let name = zip_get_name(original, zip_uint64_t(index), 0) else { return nil }
            return String(cString: name)
        }
        // The parts to rewrite, by their name in the archive (OPC names compare case-insensitively).
        var rewrites: [String: Rewrite] = [:]
        for (part, edits) in patch.cells where !edits.isEmpty {
            guard let name = storedName(part) else { throw PatchError.missingPart(file: source, part: part) }
            rewrites[name] = .sheet(part: part, edits: edits)
        }
        if patch.recalculateOnOpen, let name = storedName(workbookPart) {
            rewrites[name] = .workbook
        }

        var outcome = PatchOutcome()
        let temporary = AtomicPublisher.temporaryPath(for: destinationURL)
        var scratch: [String] = []
        defer { for path in scratch { unlink(path) } }
        do {
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let output = zip_open(temporary, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
                throw PatchError.zip(file: destination, reason: "zip_open \(code)")
            }
            var closed = false
            defer { if !closed { zip_discard(output) } }
            let count = zip_get_num_entries(original, 0)
            for index in 0..<max(count, 0) {
                guard let cName = zip_get_name(original, zip_uint64_t(index), 0) else { continue }
                let name = String(cString: cName)
                let source: OpaquePointer
                if let rewrite = rewrites[name] {
                    let path = FileManager.default.temporaryDirectory
                        .appendingPathComponent("juesuan-patch-\(UUID().uuidString).xml").path
                    scratch.append(path)
                    try Self.rewrite(name, rewrite, from: reader, into: path, outcome: &outcome)
                    guard let s = zip_source_file_create(path, 0, -1, &error) else {
                        throw PatchError.zip(file: destination, reason: String(cString: zip_error_strerror(&error)))
                    }
                    source = s
                    outcome.rewrittenParts.append(name)
                } else {
                    // The whole entry: libzip copies its compressed bytes as they are.
                    guard let s = zip_source_zip(output, original, zip_uint64_t(index), 0, 0, -1) else {
                        throw PatchError.zip(file: destination, reason: String(cString: zip_strerror(output)))
                    }
                    source = s
                    outcome.copiedParts.append(name)
                }
                let added = zip_file_add(output, name, source, zip_flags_t(ZIP_FL_ENC_GUESS))
                guard added >= 0 else {
                    zip_source_free(source)
                    throw PatchError.zip(file: destination, reason: "\(name): " + String(cString: zip_strerror(output)))
                }
                Self.copyMetadata(of: zip_uint64_t(index), from: original, to: zip_uint64_t(added), in: output,
                                  recompress: rewrites[name] != nil)
            }
            closed = true
            guard zip_close(output) == 0 else {
                let reason = String(cString: zip_strerror(output))
                zip_discard(output)
                throw PatchError.zip(file: destination, reason: reason)
            }
            try AtomicPublisher.publish(temporary, to: destinationURL.path, replacing: replaceExisting)
        } catch {
            AtomicPublisher.remove(temporary)
            throw error
        }
        return outcome
    }

    private enum Rewrite {
        case sheet(part: String, edits: [CellReference: CellEdit])
        case workbook
    }

    /// Keeps an entry's time and file attributes; a rewritten part is deflated.
    private static func copyMetadata(of index: zip_uint64_t, from original: OpaquePointer, to added: zip_uint64_t,
                                     in output: OpaquePointer, recompress: Bool) {
        var st = zip_stat_t()
        zip_stat_init(&st)
        if zip_stat_index(original, index, 0, &st) == 0, st.valid & zip_uint64_t(ZIP_STAT_MTIME) != 0 {
            zip_file_set_mtime(output, added, st.mtime, 0)
        }
        var system: zip_uint8_t = 0, attributes: zip_uint32_t = 0
        if zip_file_get_external_attributes(original, index, 0, &system, &attributes) == 0 {
            zip_file_set_external_attributes(output, added, 0, system, attributes)
        }
        if recompress {
            let method = st.valid & zip_uint64_t(ZIP_STAT_COMP_METHOD) != 0 && st.comp_method == zip_uint16_t(ZIP_CM_STORE)
                ? ZIP_CM_STORE : ZIP_CM_DEFLATE
            zip_set_file_compression(output, added, method, 0)
        }
    }

    /// The workbook part, found through `_rels/.rels` as the reader finds it.
    private static func workbookPart(in zip: ZipArchive) throws -> String {
        let parser = RelationshipsParser()
        try zip.parse("_rels/.rels", with: parser)
        guard let office = parser.relationships.first(where: { $0.kind == "officeDocument" && !$0.isExternal }) else {
            throw WorkbookReadError.notAWorkbook(file: zip.fileName, reason: "_rels/.rels 未指向工作簿 / _rels/.rels names no workbook part")
        }
        return RelationshipsParser.resolve(office.target, from: "")
    }

    /// Streams one part through its rewriter into a file, with the SAX parser checking the same bytes.
    private static func rewrite(_ name: String, _ rewrite: Rewrite, from zip: ZipArchive, into path: String,
                                outcome: inout PatchOutcome) throws {
        let file = try BufferedFile(path: path)
        defer { file.close() }
        let checker = SAXParser(handler: WellFormednessCheck())
        var firstChunk = true
        // One pass over the part: each chunk checked for well-formedness and handed to the rewriter.
        func stream(into feed: (UnsafeRawBufferPointer) throws -> Void) throws {
            try zip.stream(name) { chunk in
                if firstChunk { try checkEncoding(chunk, zip: zip, part: name); firstChunk = false }
                try checker.feed(chunk)
                try feed(chunk)
            }
            try checker.finish()
        }
        do {
            switch rewrite {
            case .sheet(_, let edits):
                let patcher = SheetPatcher(edits: edits) { bytes in try file.write(bytes) }
                try stream(into: patcher.feed)
                try patcher.finish()
                if !patcher.formulaTargetsKept.isEmpty { outcome.formulaCellsKept[name] = patcher.formulaTargetsKept }
                outcome.cachedValuesCleared += patcher.cachedValuesCleared
                outcome.insertedCells += patcher.insertedCells
            case .workbook:
                let patcher = CalcPropertiesPatcher { bytes in try file.write(bytes) }
                try stream(into: patcher.feed)
                try patcher.finish()
            }
            try file.flush()
        } catch let failure as SAXFailure {
            throw failure.readError(file: zip.fileName, part: name)
        } catch let limit as SAXLimitExceeded {
            throw limit.readError(file: zip.fileName, part: name)
        } catch let failure as SheetPatcher.Failure {
            switch failure {
            case .malformed(let reason): throw PatchError.malformedPart(file: zip.fileName, part: name, reason: reason)
            }
        }
    }

    /// The byte-level rewriter reads UTF-8 (every OOXML producer writes it); UTF-16 is refused.
    private static func checkEncoding(_ chunk: UnsafeRawBufferPointer, zip: ZipArchive, part: String) throws {
        guard chunk.count >= 2 else { return }
        if (chunk[0] == 0xFE && chunk[1] == 0xFF) || (chunk[0] == 0xFF && chunk[1] == 0xFE) || chunk[0] == 0 || chunk[1] == 0 {
            throw PatchError.unsupportedEncoding(file: zip.fileName, part: part)
        }
    }
}

/// A SAX handler that only lets the parser check the part (well-formed, no DTD).
private final class WellFormednessCheck: SAXHandler {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// A file written through a buffer.
private final class BufferedFile {
    private let handle: UnsafeMutablePointer<FILE>
    private let path: String
    private var closed = false

    init(path: String) throws {
        guard let handle = fopen(path, "wb") else {
            throw PatchError.zip(file: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.path = path
    }

    func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        if n != bytes.count { throw PatchError.zip(file: path, reason: String(cString: strerror(errno))) }
    }

    func flush() throws {
        if fflush(handle) != 0 { throw PatchError.zip(file: path, reason: String(cString: strerror(errno))) }
    }

    func close() {
        if !closed { fclose(handle); closed = true }
    }
}
