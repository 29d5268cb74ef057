import Foundation

/// The document properties stored in `docProps/core.xml` and `docProps/app.xml`
/// (File ▸ Info in Excel). `nil` fields are left out.
///
/// ```swift
/// writer.properties = DocumentProperties(title: "2024 年度部门决算", author: "财务处",
///                                        company: "某某单位")
/// ```
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var manager: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    public var status: String?
    public var hyperlinkBase: String?
    /// The creation time written into the file; `nil` is the time of writing. Set it to make
    /// byte-identical outputs for the same input.
    public var created: Date?

    /// ```swift
    /// DocumentProperties(title: "决算报表", created: Date(timeIntervalSince1970: 0))
    /// ```
    public init(title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
                company: String? = nil, category: String? = nil, keywords: String? = nil,
                comments: String? = nil, status: String? = nil, hyperlinkBase: String? = nil,
                created: Date? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
        self.hyperlinkBase = hyperlinkBase
        self.created = created
    }

    /// All text fields, in `lxw_doc_properties` order, for validation and copying.
    var textFields: [String?] {
        [title, subject, author, manager, company, category, keywords, comments, status, hyperlinkBase]
    }
}
