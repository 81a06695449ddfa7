extension DMARCRecord {
    /// Every problem in the record, in the order of its tags.
    public var problems: [DMARCProblem] {
        var problems: [DMARCProblem] = []
        var seen: Set<String> = []
        for tag in tags where !seen.insert(tag.name.lowercased()).inserted {
            problems.append(.duplicateTag(name: tag.name))
        }
        if let index = tags.firstIndex(where: { $0.name.lowercased() == "p" }) {
            if index != 1 { problems.append(.policyNotSecond) }
        } else {
            problems.append(.missingPolicy)
        }
        for tag in tags {
            problems += Self.valueProblems(tag)
        }
        return problems
    }

    /// Problems that make receivers ignore the record: every error.
    public var errors: [DMARCProblem] {
        problems.filter { $0.severity == .error }
    }

    /// Every problem with `text` as a DMARC record: why it cannot be read, or what is wrong in it.
    public static func problems(in text: String) -> [DMARCProblem] {
        do {
            return try DMARCRecord(text).problems
        } catch {
            return [error]
        }
    }

    private static func valueProblems(_ tag: Tag) -> [DMARCProblem] {
        let name = tag.name.lowercased()
        let value = tag.value
        let invalid = { (expected: String) in
            [DMARCProblem.invalidValue(tag: tag.name, value: value, expected: expected)]
        }
        switch name {
        case "p", "sp":
            return DMARCPolicy(value: value) == nil ? invalid("none, quarantine or reject") : []
        case "adkim", "aspf":
            return ["r", "s"].contains(value.lowercased()) ? [] : invalid("r (relaxed) or s (strict)")
        case "pct":
            guard value.count <= 3, value.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(value),
                number <= 100
            else { return invalid("a whole number from 0 to 100") }
            return []
        case "ri":
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = UInt64(value), number <= UInt64(UInt32.max)
            else {
                return invalid("a whole number of seconds")
            }
            return []
        case "fo":
            let options = TagList.colonList(value)
            return options.allSatisfy({ ["0", "1", "d", "s"].contains($0.lowercased()) })
                ? [] : invalid("0, 1, d or s, separated by colons")
        case "rf":
            let formats = TagList.colonList(value)
            return formats.allSatisfy({ $0.lowercased() == "afrf" }) ? [] : invalid("afrf")
        case "rua", "ruf":
            var problems: [DMARCProblem] = []
            for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
                if case .failure(let invalid) = DMARCReportURI.parse(String(TagList.trimFWS(entry))) {
                    problems.append(.invalidReportURI(tag: tag.name, reason: invalid.reason))
                }
            }
            return problems
        default:
            return []
        }
    }
}
