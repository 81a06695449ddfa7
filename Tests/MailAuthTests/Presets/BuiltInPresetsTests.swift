import Foundation
import Testing
import Yams

@testable import MailAuth

/// Shape checks of the shipped preset files. The real decoding (with positions) is the MailZone
/// module's; these make sure the data itself follows the rules MailAuth knows.
struct BuiltInPresetsTests {
    static let expectedNames = [
        "alibaba-directmail", "amazon-workmail", "aws-ses", "brevo", "fastmail", "google-workspace", "icloud",
        "mailchimp", "mailgun", "mailjet", "mandrill", "microsoft-365", "postmark", "proton-mail", "resend",
        "sendgrid", "sparkpost", "tencent-ses", "zoho",
    ]

    static let presetKeys: Set<String> = [
        "name", "title", "documentation", "checked", "spf", "inputs", "records", "notes",
    ]
    static let spfKeys: Set<String> = ["include", "name", "suggested_all", "unconfirmed", "source"]
    static let inputKeys: Set<String> = ["name", "description", "example", "required", "default", "values"]
    static let recordKeys: Set<String> = [
        "name", "type", "value", "purpose", "optional", "unconfirmed", "note", "source", "when", "exclusive",
    ]

    static func load(_ name: String) throws -> [String: Any] {
        let file = try #require(BuiltInPresets.files().first { $0.name == name })
        return try #require(try Yams.load(yaml: file.text) as? [String: Any])
    }

    /// The YAML files in the source tree, the presets' source of truth.
    static let sourceFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MailAuth/Presets")

    @Test func listsEveryFileSortedByName() {
        #expect(BuiltInPresets.files().map(\.name) == Self.expectedNames)
    }

    /// The compiled-in text is each YAML file of Sources/MailAuth/Presets byte for byte, and
    /// every file is compiled in: the build (the EmbedPresets plugin) leaves nothing to regenerate.
    @Test func compiledInTextIsTheSourceFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.sourceFolder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(BuiltInPresets.files().map { BuiltInPresets.fileName(of: $0.name) } == names)
        for file in BuiltInPresets.files() {
            let source = try Data(
                contentsOf: Self.sourceFolder.appendingPathComponent(BuiltInPresets.fileName(of: file.name)))
            #expect(Data(file.text.utf8) == source, "\(file.name).yaml differs from its compiled-in text")
        }
    }

    @Test(arguments: expectedNames)
    func hasTheShapeOfAPreset(name: String) throws {
        let preset = try Self.load(name)
        #expect(
            Set(preset.keys).isSubset(of: Self.presetKeys),
            "unknown keys \(Set(preset.keys).subtracting(Self.presetKeys))")
        #expect(preset["name"] as? String == name)
        #expect((preset["title"] as? String)?.isEmpty == false)
        #expect((preset["documentation"] as? String)?.hasPrefix("https://") == true)
        #expect(preset["records"] != nil || preset["spf"] != nil)

        let inputs = preset["inputs"] as? [[String: Any]] ?? []
        var inputNames: Set<String> = ["domain", "domain_dashed"]
        // `${region.spf}`: each value of an input with parts, and what the part stands for there.
        var parts: [String: [String]] = [:]
        for input in inputs {
            #expect(Set(input.keys).isSubset(of: Self.inputKeys))
            let inputName = try #require(input["name"] as? String)
            #expect(inputNames.insert(inputName).inserted, "input \(inputName) twice")
            #expect(input["description"] is String)
            #expect(input["example"] is String)
            // Required or not is said, unless a default makes the input never missing.
            #expect(input["required"] is Bool || input["default"] != nil, "\(name): \(inputName)")
            for case (_, let named as [String: Any]) in input["values"] as? [String: Any] ?? [:] {
                for (part, text) in named {
                    inputNames.insert("\(inputName).\(part)")
                    parts["\(inputName).\(part)", default: []].append("\(text)")
                }
            }
        }

        if let spf = preset["spf"] as? [String: Any] {
            #expect(Set(spf.keys).isSubset(of: Self.spfKeys))
            let template = try #require(spf["include"] as? String)
            // A regional include is checked for every region it stands for.
            let placeholder = Self.placeholders(in: template).first
            let includes =
                placeholder.map { name in
                    (parts[name] ?? []).map { template.replacingOccurrences(of: "${\(name)}", with: $0) }
                }
                ?? [template]
            #expect(!includes.isEmpty)
            for include in includes {
                #expect(SPFMacroSyntax.domainSpecProblem(include) == nil, "\(include)")
                #expect(
                    SPFMerge.merge(includeDomains: [include], existing: [])
                        == .changed(record: "v=spf1 include:\(include) ~all", replacing: nil))
            }
            #expect(spf["name"] as? String == "@")
            #expect(["~all", "-all", "?all"].contains(spf["suggested_all"] as? String ?? "~all"))
        }

        let records = try #require(preset["records"] as? [[String: Any]])
        #expect(!records.isEmpty)
        for record in records {
            #expect(Set(record.keys).isSubset(of: Self.recordKeys), "unknown keys in \(record)")
            let recordName = try #require(record["name"] as? String)
            let type = try #require(record["type"] as? String)
            let value = try #require(record["value"] as? String)
            let purpose = try #require(record["purpose"] as? String)
            #expect(["MX", "TXT", "CNAME"].contains(type))
            #expect(RecordPurpose(rawValue: purpose) != nil, "purpose \(purpose)")
            #expect(recordName == "@" || !recordName.hasSuffix("."), "\(recordName) must be relative")
            for placeholder in Self.placeholders(in: recordName + " " + value) {
                #expect(inputNames.contains(placeholder), "\(name): ${\(placeholder)} is not an input")
            }
            switch type {
            case "MX":
                #expect(MXRules.check(rdata: value) == nil, "\(value)")
            case "CNAME":
                #expect(value.hasSuffix("."), "CNAME target \(value) must be absolute")
            default:
                if purpose == "dmarc" {
                    #expect(DMARCRecord.problems(in: value).isEmpty, "\(value)")
                }
                if purpose == "spf" {
                    #expect(try #require(SPFRecord(value)).problems.isEmpty, "\(value)")
                }
            }
            // An input that is not required may only be used by optional records, unless it has a default.
            let optional = record["optional"] as? Bool ?? false
            for placeholder in Self.placeholders(in: recordName + " " + value) where !optional {
                let input = inputs.first { $0["name"] as? String == placeholder }
                #expect(
                    input.map { $0["required"] as? Bool ?? true || $0["default"] != nil } ?? true,
                    "\(name): \(recordName) uses optional \(placeholder)")
            }
        }
        if let notes = preset["notes"] {
            #expect(notes is [String])
        }
    }

    @Test func tencentSESIsWhatTheSeedSays() throws {
        let preset = try Self.load("tencent-ses")
        let spf = try #require(preset["spf"] as? [String: Any])
        #expect(spf["include"] as? String == "qcloudmail.com")
        #expect(spf["suggested_all"] as? String == "~all")
        #expect(spf["unconfirmed"] == nil)
        let records = try #require(preset["records"] as? [[String: Any]])
        #expect(
            records.map {
                "\($0["name"] ?? "") \($0["type"] ?? "") \($0["value"] ?? "") \($0["purpose"] ?? "") \($0["optional"] ?? false)"
            } == [
                "@ MX 10 mxbiz1.qq.com. mx false",
                "qcloud._domainkey TXT ${dkim.qcloud} dkim false",
                "mail._domainkey TXT ${dkim.mail} dkim true",
                "_dmarc TXT v=DMARC1; p=none dmarc false",
            ])
        let inputs = try #require(preset["inputs"] as? [[String: Any]])
        #expect(
            inputs.map { "\($0["name"] ?? "") \($0["required"] ?? "")" } == ["dkim.qcloud true", "dkim.mail false"])
    }

    @Test func awsSESPutsSPFAtTheMailFromNameOnly() throws {
        let preset = try Self.load("aws-ses")
        #expect(preset["spf"] == nil)
        let records = try #require(preset["records"] as? [[String: Any]])
        #expect(
            records.map { "\($0["name"] ?? "") \($0["type"] ?? "") \($0["value"] ?? "") \($0["optional"] ?? false)" }
                == [
                    "${token1}._domainkey CNAME ${token1}.${region.dkim}. false",
                    "${token2}._domainkey CNAME ${token2}.${region.dkim}. false",
                    "${token3}._domainkey CNAME ${token3}.${region.dkim}. false",
                    "${mail_from} MX 10 feedback-smtp.${region}.amazonses.com. true",
                    "${mail_from} TXT v=spf1 include:amazonses.com ~all true",
                    "_amazonses TXT ${legacy_verification} true",
                ])
        // The region defaults to us-east-1; the regions AWS lists with their own DKIM domain sign with it.
        let inputs = try #require(preset["inputs"] as? [[String: Any]])
        let region = try #require(inputs.first { $0["name"] as? String == "region" })
        #expect(region["default"] as? String == "us-east-1")
        let values = try #require(region["values"] as? [String: [String: String]])
        #expect(values["us-east-1"]?["dkim"] == "dkim.amazonses.com")
        #expect(values["ap-southeast-3"]?["dkim"] == "dkim.ap-southeast-3.amazonses.com")
        #expect(values.values.filter { $0["dkim"] != "dkim.amazonses.com" }.count == 11)
    }

    @Test(arguments: [
        ("tencent-ses", "qcloudmail.com", false),
        ("mailgun", "mailgun.org", false),
        ("google-workspace", "_spf.google.com", true),
        ("microsoft-365", "spf.protection.outlook.com", false),
        ("alibaba-directmail", "${region.spf}", false),
        ("zoho", "${region.spf}", true),
        ("mandrill", "spf.mandrillapp.com", true),
        ("fastmail", "spf.messagingengine.com", true),
        ("proton-mail", "_spf.protonmail.ch", false),
        ("mailjet", "spf.mailjet.com", false),
        ("icloud", "icloud.com", true),
        ("amazon-workmail", "amazonses.com", true),
    ])
    func spfInclude(name: String, include: String, unconfirmed: Bool) throws {
        let spf = try #require(try Self.load(name)["spf"] as? [String: Any])
        #expect(spf["include"] as? String == include)
        #expect(spf["unconfirmed"] as? Bool ?? false == unconfirmed)
    }

    /// Postmark checks SPF on the Return-Path (pm-bounces), so the From domain gets no include.
    @Test func postmarkAsksForNoSPFIncludeAtTheFromDomain() throws {
        let preset = try Self.load("postmark")
        #expect(preset["spf"] == nil)
        let records = try #require(preset["records"] as? [[String: Any]])
        #expect(
            records.map { "\($0["name"] ?? "") \($0["type"] ?? "") \($0["value"] ?? "")" }
                == ["${dkim_selector}._domainkey TXT ${dkim.key}", "pm-bounces CNAME pm.mtasv.net."])
    }

    @Test(arguments: ["mandrill", "mailchimp", "fastmail"])
    func unconfirmedServicesMarkEveryRecord(name: String) throws {
        let records = try #require(try Self.load(name)["records"] as? [[String: Any]])
        #expect(records.allSatisfy { $0["unconfirmed"] as? Bool == true })
    }

    @Test(arguments: ["sendgrid", "aws-ses", "postmark", "brevo", "sparkpost", "resend", "mailchimp"])
    func servicesWithoutAnSPFIncludeAtTheSenderDomain(name: String) throws {
        #expect(try Self.load(name)["spf"] == nil)
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            names.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}
