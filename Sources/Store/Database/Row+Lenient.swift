import Foundation
import GRDB

/// Column readers that never trap. GRDB's `row["title"] as String` stops the process when
/// the stored value cannot be converted — a BLOB of bytes that are not UTF-8, a number
/// where text belongs — and anyone able to write one row would then crash every reader
/// (the agent console among them). These read whatever is stored as the closest value.
extension Row {
    /// Text, with bytes that are not UTF-8 shown as U+FFFD; NULL as "".
    func text(_ column: String) -> String {
        optionalText(column) ?? ""
    }

    func optionalText(_ column: String) -> String? {
        switch (self[column] as DatabaseValue).storage {
        case .null: nil
        case .string(let text): text
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .int64(let number): String(number)
        case .double(let number): String(number)
        }
    }

    /// An integer, 0 when the stored value is not a number.
    func integer(_ column: String) -> Int {
        optionalInteger(column) ?? 0
    }

    func optionalInteger(_ column: String) -> Int? {
        switch (self[column] as DatabaseValue).storage {
        case .int64(let number): Int(number)
        case .double(let number) where number.isFinite && abs(number) < 9e18: Int(number)
        case .string(let text): Int(text)
        default: nil
        }
    }

    /// A time stored as seconds since 1970; the epoch when it is not a number.
    func date(_ column: String) -> Date {
        optionalDate(column) ?? Date(timeIntervalSince1970: 0)
    }

    func optionalDate(_ column: String) -> Date? {
        switch (self[column] as DatabaseValue).storage {
        case .int64(let number): Date(timeIntervalSince1970: Double(number))
        case .double(let number) where number.isFinite: Date(timeIntervalSince1970: number)
        default: nil
        }
    }
}

extension Row {
    /// The column at `index` as an integer, 0 when it is not a number: for the report's
    /// large reads, where looking each column up by name costs as much as the query.
    func integer(at index: Int) -> Int {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let number): Int(number)
        case .double(let number) where number.isFinite && abs(number) < 9e18: Int(number)
        default: 0
        }
    }

    /// The column at `index` as text, as `text(_:)` reads it.
    func text(at index: Int) -> String {
        switch (self[index] as DatabaseValue).storage {
        case .null: ""
        case .string(let text): text
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .int64(let number): String(number)
        case .double(let number): String(number)
        }
    }

    /// The column at `index` as a number, 0 when it is not one.
    func double(at index: Int) -> Double {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let number): Double(number)
        case .double(let number): number
        default: 0
        }
    }
}
