import Foundation

/// Helpers shared by the test targets (a hidden target, not a product).

/// The repository root, found from this file's path.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// A new, empty folder under the system's temporary folder.
public func temporaryFolder(_ label: String) -> String {
    let path = NSTemporaryDirectory() + "almanac-\(label)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

public func writeFile(_ path: String, _ text: String) {
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
}
