import Foundation
import MailAuth
import Testing

@testable import MailZone

/// What `DeclarationValidator` works out once per preset (`PresetChecks`) reports, for every service, what
/// reading the preset for that service reports: on every example, every declaration fixture, and services
/// of every built-in preset given nothing, its examples, each allowed value, wrong values, unknown inputs,
/// listed selectors, and `state: absent`.
@Suite struct PresetChecksTests {
    /// Checks each service of `yaml` both ways and returns how many were compared.
    private func compare(_ yaml: String, catalog builtIn: PresetCatalog, _ name: String) -> Int {
        compare(Data(yaml.utf8), catalog: builtIn, name)
    }

    private func compare(_ yaml: Data, catalog builtIn: PresetCatalog, _ name: String) -> Int {
        guard let root = try? YAMLSource.parse(data: yaml, file: "t.yaml") else { return 0 }
        var diagnostics = Diagnostics()
        let decoder = DeclarationDecoder(baseDirectory: URL(fileURLWithPath: "/t"))
        guard let draft = try? decoder.decode(root, diagnostics: &diagnostics) else { return 0 }
        var catalog = builtIn
        catalog.add(user: draft.presets, diagnostics: &diagnostics)
        let validator = DeclarationValidator(catalog: catalog, brokenPresetNames: draft.brokenPresetNames)
        var checks: [String: PresetChecks?] = [:]
        var compared = 0
        for sender in draft.senders {
            for service in sender.services {
                var once = Diagnostics()
                var general = Diagnostics()
                validator.validate(service, senderAbsent: sender.isAbsent, checks: &checks, diagnostics: &once)
                validator.validate(service, senderAbsent: sender.isAbsent, diagnostics: &general)
                #expect(once.errors == general.errors, "\(name): \(service.preset.value) at \(service.location)")
                compared += 1
            }
        }
        return compared
    }

    /// `text` as a double-quoted YAML scalar.
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Senders using `preset` every way the validator tells apart.
    private func servicesOf(_ preset: ServicePreset) -> String {
        let dkim = preset.inputs.filter { $0.name.hasPrefix("dkim.") }
        let others = preset.inputs.filter { !$0.name.hasPrefix("dkim.") }
        func service(inputs: [(String, String)], dkim keys: [(String, String)], absent: Bool = false) -> String {
            var text = "      - preset: \(preset.name)\n"
            if !inputs.isEmpty {
                text +=
                    "        inputs: { " + inputs.map { "\($0.0): \(quoted($0.1))" }.joined(separator: ", ") + " }\n"
            }
            if !keys.isEmpty {
                text += "        dkim: { " + keys.map { "\($0.0): \(quoted($0.1))" }.joined(separator: ", ") + " }\n"
            }
            if absent { text += "        state: absent\n" }
            return text
        }
        let examples = others.map { ($0.name, $0.allowedValues.first ?? ($0.example.isEmpty ? "x" : $0.example)) }
        let keys = dkim.map {
            (String($0.name.dropFirst("dkim.".count)), $0.example.isEmpty ? "v=DKIM1; p=abc" : $0.example)
        }
        var services = [
            service(inputs: [], dkim: []),
            service(inputs: examples, dkim: keys),
            service(inputs: examples, dkim: keys.map { ($0.0, "v=DKIM1; k=rsa") }),
            service(inputs: examples + [("unknown_input", "x")], dkim: keys + [("s2024", "v=DKIM1; p=abc")]),
            service(inputs: [], dkim: [("s2024", "v=DKIM1; p=abc"), ("s2025", "k=rsa"), ("bad.-sel", "p=x")]),
            service(inputs: examples.map { ($0.0, "zzz") }, dkim: []),
            service(inputs: [], dkim: [], absent: true),
        ]
        for input in others {
            for value in input.allowedValues {
                services.append(service(inputs: [(input.name, value)], dkim: []))
                services.append(
                    service(inputs: examples.filter { $0.0 != input.name } + [(input.name, value)], dkim: keys))
            }
        }
        return services.enumerated().map { index, service in
            "  - domain: s\(index).\(preset.name).example.com\n    services:\n" + service
        }.joined()
    }

    @Test("every built-in preset, used every way")
    func builtInPresets() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var compared = 0
        for name in catalog.names {
            guard let definition = catalog.preset(named: name) else { continue }
            let yaml =
                "version: 1\nzones:\n  - origin: example.com.\n    file: db\nsenders:\n"
                + servicesOf(definition.preset)
            compared += compare(yaml, catalog: catalog, name)
        }
        #expect(compared > 150)
    }

    @Test("every example and declaration fixture")
    func examplesAndFixtures() throws {
        let builtIn = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var compared = 0
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            compared += compare(try Data(contentsOf: url), catalog: builtIn, example)
        }
        let fixtures = try DeclarationFixtures.builtInCatalog()
        for folder in ["valid", "invalid"] {
            for name in DeclarationFixtures.yamlFiles(in: folder) {
                let text = try Data(contentsOf: DeclarationFixtures.url(folder, name))
                compared += compare(text, catalog: fixtures, "\(folder)/\(name)")
            }
        }
        #expect(compared > 50)
    }
}
