using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Issue 12: the upload form offers the new formats and says which they are.</summary>
public sealed class UploadFormatsPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Upload_AcceptsAndNamesTheNewFormats()
    {
        var page = await HtmlPage.GetAsync(factory.CreateClient(), "/upload");

        var accept = page.One("input#files").GetAttribute("accept")!.Split(',');
        Assert.Superset(new HashSet<string>([".doc", ".odt", ".pptx", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".docx"]), accept.ToHashSet());
        Assert.Contains("PowerPoint (.pptx), ảnh (PNG, JPEG, TIFF — đọc bằng OCR)", page.One("main").Text(), StringComparison.Ordinal);
    }
}
