import Foundation
import PackagePlugin

/// Compiles the built-in preset files (`Sources/MailAuth/Presets/*.yaml`) into the MailAuth
/// module, so the `mailzone` binary carries them and needs no resource bundle beside it.
///
/// The YAML files stay the source of truth: each build hands their current list to
/// `Embedder`, which writes their text as string literals; a new or edited file is
/// picked up by the next build, with nothing generated to commit.
@main
struct EmbedPresets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `target.directory` is a Path: its URL form needs tools version 6.1.
        let folder = URL(fileURLWithPath: target.directory.string).appendingPathComponent("Presets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedPresets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) built-in presets into \(target.name)",
                executable: try context.tool(named: "Embedder").url,
                arguments: ["presets", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
