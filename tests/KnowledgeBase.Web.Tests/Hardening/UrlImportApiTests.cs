using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Hardening;

/// <summary>URL import through the API refuses this machine with a 400 and a code, never a 500 (nothing listens on the ports used).</summary>
public sealed class UrlImportApiTests(EmptyWebAppFactory factory) : IClassFixture<EmptyWebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("http://127.0.0.1:1/", "forbidden_address")]
    [InlineData("http://2130706433:1/", "forbidden_address")]
    [InlineData("http://0x7f.1:1/", "forbidden_address")]
    [InlineData("http://[::1]:1/", "forbidden_address")]
    [InlineData("http://localhost:1/", "forbidden_address")]
    [InlineData("http://x@127.0.0.1:1/", "forbidden_address")]
    [InlineData("file:///etc/passwd", "invalid_url")]
    [InlineData("gopher://127.0.0.1:1/", "invalid_url")]
    public async Task ImportUrl_ThisMachineOrOtherScheme_Is400WithCode(string url, string code)
    {
        var response = await _client.PostAsJsonAsync("/api/documents/url", new { url });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.GetProperty("error").GetString());
    }
}
