import Foundation
import Testing

/// A heatmap's cells are sharp where people look at them: in a browser. gnuplot's
/// `with image` put a bitmap of one pixel per cell into the SVG, which browsers stretch
/// and smooth into a blur. Chromium draws the SVG into a canvas and the test counts the
/// colours along a line through the first row: three cells give three colours (and perhaps
/// an edge pixel or two); a blurred row gives dozens.
@Suite struct HeatmapBrowserTests {
    @Test func heatmapCellsAreSharpInChromium() throws {
        guard let chromium = headlessChromium() else { return }
        let folder = temporaryFolder("heatmap")
        writeFile(folder + "/h.lua", "plot.heatmap({ { 5, 7, 9 }, { 3, 4, 8 } }, { out = 'h.svg' })\n")
        let r = try almanac(["run", "-o", folder, "h.lua"], directory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try Data(contentsOf: URL(fileURLWithPath: folder + "/h.svg"))
        writeFile(
            folder + "/harness.html",
            """
            <!doctype html><html><body><script>
            var img = new Image();
            img.onload = function () {
              var c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
              var g = c.getContext('2d'); g.drawImage(img, 0, 0);
              var out = document.createElement('pre'); out.id = 'result';
              var y = Math.round(c.height * 0.33), row = g.getImageData(0, y, c.width, 1).data, seen = {}, n = 0;
              for (var x = Math.round(c.width * 0.12); x < Math.round(c.width * 0.8); x++) {
                var k = row[4 * x] + ',' + row[4 * x + 1] + ',' + row[4 * x + 2];
                if (!seen[k]) { seen[k] = 1; n++; }
              }
              out.textContent = 'colours=' + n + ';';
              document.body.appendChild(out);
            };
            img.src = 'data:image/svg+xml;base64,\(svg.base64EncodedString())';
            </script></body></html>
            """)
        let dom = try renderedDOM(chromium: chromium, page: folder + "/harness.html")
        let count = dom.range(of: #"colours=(\d+);"#, options: .regularExpression).map {
            String(dom[$0].dropFirst(8).dropLast())
        }
        let colours = try #require(count.flatMap { Int($0) }, "no result in \(dom.suffix(300))")
        #expect(colours >= 3 && colours <= 6, "\(colours) colours along one row of three cells")
    }
}
