using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary><c>POST /api/admin/optimize</c>: the running app merges its index into fewer segments and answers the same searches.</summary>
public sealed class AdminOptimizeTests
{
    private const int DocumentCount = 5;

    [Fact]
    public async Task Optimize_AfterDocumentsCommittedOneByOne_OneSegment_SameAnswers_DeletedDocumentStaysGone()
    {
        using var app = new EmptyAppFactory { Settings = new Dictionary<string, string> { ["Ingestion:Parallelism"] = "1", ["Ingestion:IndexBatchDocuments"] = "1" } };
        using var client = app.CreateClient();
        for (var i = 0; i < DocumentCount; i++)
        {
            await UploadAsync(client, i);
            await JobWaiter.WaitForIdleAsync(client, expectedJobs: i + 1);
        }

        var deleted = (await client.GetFromJsonAsync<JsonElement>(Search(Word(0)))).GetProperty("hits")[0].GetProperty("documentId").GetString();
        using (var deletion = await client.DeleteAsync(new Uri("/api/documents/" + deleted, UriKind.Relative)))
        {
            Assert.True(deletion.IsSuccessStatusCode, deletion.StatusCode.ToString());
        }

        var index = app.Services.GetRequiredService<LuceneIndex>();
        Assert.True(index.SegmentCount > 1, $"{index.SegmentCount} segments");
        var expected = new List<string>();
        for (var i = 0; i < DocumentCount; i++)
        {
            expected.Add(await AnswerAsync(client, Word(i)));
        }

        using var response = await client.PostAsJsonAsync("/api/admin/optimize", new { maxSegments = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("segmentsBefore").GetInt32() > 1, body.ToString());
        Assert.Equal(1, body.GetProperty("segmentsAfter").GetInt32());
        Assert.Equal(1, index.SegmentCount);
        Assert.Equal(index.PassageCount, index.WithSearcher(s => s.IndexReader.MaxDoc));
        Assert.DoesNotContain(deleted!, expected[0], StringComparison.Ordinal);
        for (var i = 0; i < DocumentCount; i++)
        {
            Assert.Equal(expected[i], await AnswerAsync(client, Word(i)));
        }
    }

    [Fact]
    public async Task Optimize_BelowOneSegment_IsRefused()
    {
        using var app = new EmptyAppFactory();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/admin/optimize", new { maxSegments = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A word found in document <paramref name="i"/> alone.</summary>
    private static string Word(int i) => "to" + (char)('a' + i) + (char)('a' + i) + "gonlai";

    private static string Search(string word) => "/api/search?size=50&q=" + Uri.EscapeDataString(word);

    /// <summary>The hits for a word as comparable text: document, page, passage text and score of each, in rank order.</summary>
    private static async Task<string> AnswerAsync(HttpClient client, string word)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(Search(word));
        return string.Join("\n", json.GetProperty("hits").EnumerateArray().Select(h =>
            $"{h.GetProperty("documentId").GetString()} p{h.GetProperty("page").GetInt32()} {h.GetProperty("text").GetString()}"));
    }

    private static async Task UploadAsync(HttpClient client, int i)
    {
        var text = new StringBuilder();
        for (var line = 0; line < 40; line++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Dòng {line} của văn bản số {i}: quy định về lưu trữ hồ sơ và tài liệu của cơ quan nhà nước.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Từ khoá riêng: {Word(i)}.\n");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", $"gon-lai-{i}.txt");
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
