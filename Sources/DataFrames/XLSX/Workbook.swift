import Foundation

/// What a reader needs from a workbook besides the sheet itself: sheet names and parts, the
/// date system, the shared strings and which cell styles are dates.
struct Workbook {
    struct Sheet {
        let name: String
        /// The part holding the sheet's XML, e.g. "xl/worksheets/sheet1.xml"; nil when the
        /// workbook names a relationship it does not define.
        let part: String?
    }

    let package: XLSXPackage
    let sheets: [Sheet]
    let is1904: Bool
    let sharedStrings: [String]
    let dateStyles: Set<Int>

    /// Reads sheet names only (excel_sheets needs nothing more).
    static func sheetNames(path: String) throws -> [String] {
        let package = try XLSXPackage(path: path)
        return try readSheets(package).0.map { $0.name }
    }

    init(path: String) throws {
        let package = try XLSXPackage(path: path)
        self.package = package
        let (sheets, is1904, parts) = try Workbook.readSheets(package)
        self.sheets = sheets
        self.is1904 = is1904
        sharedStrings = try parts["sharedStrings"].flatMap { try package.xml($0) }.map(SharedStrings.parse) ?? []
        dateStyles = try parts["styles"].flatMap { try package.xml($0) }.map(Styles.dateStyleIndices) ?? []
    }

    /// Sheets in workbook order, the date system and the workbook-level parts by type.
    private static func readSheets(_ package: XLSXPackage) throws -> ([Sheet], Bool, [String: String]) {
        let workbookPart = try officeDocumentPart(package)
        guard let workbook = try package.xml(workbookPart), let root = workbook.root, root.isNamed("workbook") else {
            throw DataReadError(.malformed, path: package.path, message: "Couldn't find '\(workbookPart)' in '\(package.path)'")
        }
        let relationships = try readRelationships(package, of: workbookPart)
        var sheets: [Sheet] = []
        for sheet in root.firstChild(named: "sheets")?.children(named: "sheet") ?? [] {
            let id = sheet.attribute("id")
            sheets.append(Sheet(name: sheet.attribute("name") ?? "", part: id.flatMap { relationships.targets[$0] }))
        }
        // readxl takes the 1904 system only for date1904="1" (C's atoi), not for "true",
        // which ECMA-376 also allows; follow readxl so that dates match R.
        let date1904 = root.firstChild(named: "workbookPr")?.attribute("date1904")
        let is1904 = date1904.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } == 1
        return (sheets, is1904, relationships.partsByType)
    }

    /// The workbook part named by the package relationships; "xl/workbook.xml" when a writer
    /// left `_rels/.rels` out, which Excel tolerates.
    private static func officeDocumentPart(_ package: XLSXPackage) throws -> String {
        guard let rels = try package.xml("_rels/.rels"), let root = rels.root else { return "xl/workbook.xml" }
        for relationship in root.children(named: "Relationship") {
            if let type = relationship.attribute("Type"), type.hasSuffix("/officeDocument"),
               let target = relationship.attribute("Target") {
                return resolve(target, relativeTo: "")
            }
        }
        return "xl/workbook.xml"
    }

    private struct Relationships {
        var targets: [String: String] = [:]
        var partsByType: [String: String] = [:]
    }

    /// The relationships of `part` (its `_rels/NAME.rels` file), targets resolved to part names.
    private static func readRelationships(_ package: XLSXPackage, of part: String) throws -> Relationships {
        let directory = directoryName(part)
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + baseName(part) + ".rels"
        var result = Relationships()
        guard let rels = try package.xml(relsPart), let root = rels.root else { return result }
        for relationship in root.children(named: "Relationship") {
            guard let id = relationship.attribute("Id"), let type = relationship.attribute("Type"),
                  let target = relationship.attribute("Target") else { continue }
            let resolved = resolve(target, relativeTo: directory)
            result.targets[id] = resolved
            result.partsByType[baseName(type)] = resolved
        }
        return result
    }

    /// Resolves a relationship target: absolute ("/xl/x.xml", as openpyxl writes) from the
    /// package root, otherwise relative to the source part's folder, with ".." steps.
    static func resolve(_ target: String, relativeTo directory: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(piece)
            }
        }
        return components.joined(separator: "/")
    }

    private static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
