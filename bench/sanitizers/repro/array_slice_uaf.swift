// Swift 6.3.1 (-O) frees a fresh array before copying into it, when the array
// is dead because the next statement replaces it: a heap-use-after-free, and
// in a plain release build a write into a freed malloc chunk (glibc later
// aborts with "malloc(): mismatching next->prev_size (unsorted)"). This is the
// cause of issue 16 (Series.differenced, Sources/TimeSeries/Transforms.swift).
// Compiled without -O it is clean. The loop is needed: without it the
// optimiser does not produce the bad order. See bench/sanitizers/README.md.
//   swiftc -O -sanitize=address -module-name R array_slice_uaf.swift -o /tmp/uaf && /tmp/uaf
//     → ERROR: AddressSanitizer: heap-use-after-free … WRITE of size 1504
//   objdump -d of a plain `swiftc -O` build shows, in differenced:
//     swift_allocObject → swift_release (of that object) → memcpy into it
@inline(never) func differenced(_ x: [Double], lag: Int, times: Int) -> [Double] {
    var a = x
    for _ in 0..<times { a = Array(a[lag...]); a = [1, 2, 3] }
    return a
}
print(differenced((0..<200).map(Double.init), lag: 12, times: 1))
