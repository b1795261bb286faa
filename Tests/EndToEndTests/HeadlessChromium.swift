import Foundation
import Testing

/// Debian's chromium for the browser tests, or nil to skip them. scripts/test.sh
/// installs it and sets ALMANAC_REQUIRE_BROWSER=1, so CI cannot skip silently.
func headlessChromium() -> String? {
    guard
        let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)
    else {
        #expect(
            ProcessInfo.processInfo.environment["ALMANAC_REQUIRE_BROWSER"] != "1", "chromium is required but missing")
        return nil
    }
    return path
}

/// The DOM of a local page after its scripts ran, with the network cut off.
func renderedDOM(chromium: String, page: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
        "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",  // no network
        "--virtual-time-budget=5000", "--dump-dom", "file://" + page,
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return dom
}
