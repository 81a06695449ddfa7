import Foundation
import PackagePlugin

/// Compiles the JSON Schemas (`schemas/*.schema.json`) into the `mailzone` executable, so
/// `mailzone schema` prints them and `mailzone init` writes the declaration's schema beside the
/// mailzone.yaml it starts: the editor's `$schema` then names a file in the user's own repository,
/// of the very version that reads it, with no network and no install path to guess.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `package.directory` is a Path: its URL form needs tools version 6.1.
        let folder = URL(fileURLWithPath: context.package.directory.string).appendingPathComponent("schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".schema.json") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedSchemas.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) JSON Schemas into \(target.name)",
                executable: try context.tool(named: "Embedder").url,
                arguments: ["schemas", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
