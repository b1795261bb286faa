import Foundation
import Reports
import TestSupport
import Testing

/// NIST's examples for SHA-256 (FIPS 180-4 and the CAVP short/long messages).
@Suite struct SHA256Tests {
    @Test func nistVectors() {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ]
        for (message, digest) in vectors {
            #expect(ReproducibilityProbe.sha256(of: Array(message.utf8)) == digest, "\(message)")
        }
    }

    @Test func oneMillionAs() {
        let digest = ReproducibilityProbe.sha256(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte edges of the padding, against sha256sum when present.
        let folder = temporaryFolder("sha256")
        for length in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let path = folder + "/\(length).bin"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(ReproducibilityProbe.sha256(ofFile: path) == ReproducibilityProbe.sha256(of: bytes))
            if let expected = sha256sum(path) { #expect(ReproducibilityProbe.sha256(of: bytes) == expected) }
        }
    }

    @Test func fileAgainstSha256sum() throws {
        let folder = temporaryFolder("sha256")
        let path = folder + "/data.csv"
        // Over one read chunk (1 MiB), so the streaming path is exercised.
        let bytes = (0..<(1 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let expected = try #require(sha256sum(path), "sha256sum is part of coreutils")
        #expect(ReproducibilityProbe.sha256(ofFile: path) == expected)
        #expect(ReproducibilityProbe.fingerprint(ofFile: path) == FileFingerprint(path: path, sha256: expected))
        #expect(ReproducibilityProbe.sha256(ofFile: folder + "/missing.csv") == nil)
        #expect(ReproducibilityProbe.sha256(ofFile: folder) == nil)
    }

    private func sha256sum(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
