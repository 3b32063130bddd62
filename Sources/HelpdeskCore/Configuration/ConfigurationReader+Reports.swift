import Foundation

/// The settings the reports use: business hours and how long unanswered questions are kept.
extension ConfigurationReader {
    mutating func businessHours(_ value: JSONValue) -> BusinessHours? {
        let example = #"{"days": "Mon-Fri", "start": "09:00", "end": "17:00", "timeZone": "Europe/Lisbon"}"#
        guard case .object(let members) = value.kind else {
            report(
                .wrongType, value, "businessHours",
                "\"businessHours\" must be an object such as \(example); found \(Self.found(value))")
            return nil
        }
        let defaults = BusinessHours()
        var days = defaults.days
        var start = defaults.start
        var end = defaults.end
        var zone: String?
        for member in members {
            let field = "businessHours.\(JSONParser.excerpt(member.key))"
            guard case .string(let text) = member.value.kind else {
                report(.wrongType, member.value, field, "\(field) must be text in quotes; found \(Self.found(member.value))")
                continue
            }
            switch member.key {
            case "days":
                guard let read = BusinessHours.days(text) else {
                    report(
                        .invalidValue, member.value, field,
                        "\(field) is \(Self.found(member.value)); write e.g. \"Mon-Fri\" or \"Sun,Tue-Thu\"")
                    continue
                }
                days = read
            case "start", "end":
                guard let minutes = BusinessHours.minutes(text) else {
                    report(
                        .invalidValue, member.value, field,
                        "\(field) is \(Self.found(member.value)); write a time such as \"09:00\"")
                    continue
                }
                if member.key == "start" { start = minutes } else { end = minutes }
            case "timeZone":
                guard TimeZone(identifier: text) != nil else {
                    report(
                        .invalidValue, member.value, field,
                        "\(field) is \(Self.found(member.value)); write a zone such as \"Europe/Lisbon\" or \"UTC\"")
                    continue
                }
                zone = text
            default:
                report(
                    .unknownKey, member.keyLocation, field,
                    "\"businessHours\" has \(field); its keys are days, start, end and timeZone")
            }
        }
        guard start < end else {
            report(.invalidValue, value, "businessHours", "\"businessHours\" must start before it ends")
            return nil
        }
        return BusinessHours(days: days, start: start, end: end, timeZone: zone)
    }

    mutating func retentionDays(_ value: JSONValue) -> Int? {
        let range = Configuration.gapRetentionDaysRange
        let expected = "a whole number of days from \(range.lowerBound) to \(range.upperBound)"
        guard case .number(let number) = value.kind, let days = Int(exactly: number), range.contains(days) else {
            report(
                .invalidValue, value, "gapRetentionDays",
                "\"gapRetentionDays\" must be \(expected), e.g. 90; found \(Self.found(value))")
            return nil
        }
        return days
    }
}
