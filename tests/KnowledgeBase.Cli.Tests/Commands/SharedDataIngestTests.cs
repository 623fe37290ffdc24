using System.Text.Json;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary>Every PDF and HTML file of the evaluation data through <c>kb ingest</c>: done, or failed with a reason.</summary>
public sealed class SharedDataIngestTests
{
    [SharedDataFact]
    public async Task Ingest_EverySharedFile_EndsDoneOrFailedWithAReason()
    {
        var data = Path.Combine(Path.GetTempPath(), "kb-cli-shared-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The garbled-font and scanned PDFs are read by OCR page after page: minutes on a loaded machine.
            var (_, output, error) = await KbProcess.RunWithTimeoutAsync(TimeSpan.FromMinutes(15), "--data", data, "ingest", TestPaths.InSharedData("pdf"), TestPaths.InSharedData("html"), "--recursive", "--json");
            using var json = JsonDocument.Parse(output.Length > 0 ? output : throw new InvalidOperationException(error));

            var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(Directory.EnumerateFiles(TestPaths.InSharedData("pdf"), "*", SearchOption.AllDirectories).Count()
                + Directory.EnumerateFiles(TestPaths.InSharedData("html"), "*", SearchOption.AllDirectories).Count(), files.Count);
            foreach (var file in files)
            {
                var state = file.GetProperty("state").GetString();
                var name = Path.GetFileName(file.GetProperty("path").GetString());
                Assert.True(state is "done" or "failed" or "duplicate", $"{name}: {state}");
                if (state == "failed")
                {
                    Assert.False(string.IsNullOrWhiteSpace(file.GetProperty("reason").GetString()), $"{name} failed without a reason");
                }
            }

            string State(string name) => files.Single(f => f.GetProperty("path").GetString()!.EndsWith(name, StringComparison.Ordinal)).GetProperty("state").GetString()!;
            Assert.Equal("done", State("utc_de_thi_ktmt_vntime.pdf"));
            Assert.Equal("done", State("hcmut_he_thong_so_c123_vni.pdf"));
            Assert.Equal("done", State("vnexpress_article_4420519_cong_nhan_mat_viec.html"));
            Assert.Equal("failed", State("dantri_homepage_2019.html"));
            // Its text layer is garbled (Type-3 fonts without ToUnicode): its pages are read by OCR instead (issue 12,
            // class 5; ./test.sh installs tesseract), where it used to fail with "every page garbled".
            Assert.Equal("done", State("utc_bai_tap_xstk_k58_latex_type3_garbled.pdf"));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
