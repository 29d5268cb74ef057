import Foundation

/// Which day serial 0 means: Excel for Windows counts from 1900, old Mac workbooks from 1904.
public enum DateSystem: String, Sendable, Hashable {
    case from1900 = "1900"
    case from1904 = "1904"
}

/// A date, time or date-time cell.
///
/// Serial numbers are converted with exact integer arithmetic, not `Double`: the day part
/// and the fraction of a day are split from the stored decimal text.
///
/// ```swift
/// let d = ExcelDateTime(serial: "45657", system: .from1900)
/// d.iso8601 // "2024-12-31"
/// ```
public struct ExcelDateTime: Hashable, Sendable {
    /// The stored serial text, or `nil` for an ISO date cell (`t="d"`).
    public let serial: String?
    /// ISO 8601: `2024-12-31`, `2024-12-31T08:30:00`, or `08:30:00` for a time of day alone.
    public let iso8601: String

    /// A serial number shown through a date format, or through a time-of-day format (`timeOfDay`),
    /// which shows only the time of a serial (as `h:mm:ss` does in Excel).
    public init(serial: String, system: DateSystem, timeOfDay: Bool = false) {
        self.serial = serial
        self.iso8601 = Self.isoText(serial: serial, system: system, timeOfDay: timeOfDay) ?? serial
    }

    /// A cell stored as an ISO 8601 text (`t="d"`).
    public init(isoText: String) {
        self.serial = nil
        var text = isoText
        if text.hasSuffix("Z") { text.removeLast() }
        if let dot = text.firstIndex(of: "."), text.contains("T") { text = String(text[..<dot]) }
        if text.hasSuffix("T00:00:00") { text.removeLast(9) }
        self.iso8601 = text
    }

    static func isoText(serial: String, system: DateSystem, timeOfDay: Bool) -> String? {
        guard let value = Decimal(string: serial, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        // The 1900 system has no dates before its day 0; the 1904 one counts back to 1900 as Mac Excel did.
        if value < 0 && system == .from1900 { return nil }
        // Whole seconds, rounded half up from the exact serial.
        var seconds = value * 86_400
        var rounded = Decimal()
        NSDecimalRound(&rounded, &seconds, 0, .plain)
        let totalSeconds = NSDecimalNumber(decimal: rounded).int64Value
        let floorDays = totalSeconds >= 0 ? totalSeconds / 86_400 : -((-totalSeconds + 86_399) / 86_400)
        var days = Int(floorDays)
        let secondOfDay = Int(totalSeconds - floorDays * 86_400)
        let time = String(format: "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        if timeOfDay || (days == 0 && value > 0 && value < 1 && system == .from1900) { return time }
        let (y, m, d): (Int, Int, Int)
        switch system {
        case .from1900:
            if days == 60 { (y, m, d) = (1900, 2, 29) } // Lotus' phantom leap day, kept as Excel shows it
            else {
                if days < 60 { days += 1 }
                (y, m, d) = civil(fromDaysSince1970: days - 25_569)
            }
        case .from1904:
            (y, m, d) = civil(fromDaysSince1970: days - 24_107)
        }
        let date = String(format: "%04d-%02d-%02d", y, m, d)
        return secondOfDay == 0 ? date : date + "T" + time
    }

    /// Proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDaysSince1970 z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
