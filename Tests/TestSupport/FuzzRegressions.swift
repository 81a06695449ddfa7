import Foundation

/// The inputs a fuzzer once found a problem with, kept in a fixture folder so each is a test
/// for ever (`@Test(arguments:)`): every file but hidden ones, the folder's README.md and the
/// `NAME.expected` outcomes recorded beside the inputs.
public enum FuzzRegressions {
    /// The input file names in `directory`, sorted, so the tests run in the same order everywhere.
    public static func inputs(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" && !$0.hasSuffix(".expected") }.sorted()
    }
}
