using System.Reflection;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Localization;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Issue 12: failure reasons in the UI's language, the stored message kept as the detail and in the API.</summary>
public sealed class FailureReasonTextTests
{
    public static TheoryData<string> Codes => [.. typeof(FailureReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(c => c != FailureReasons.Other)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void UiText_EveryReasonCodeHasVietnameseAndEnglish(string code)
    {
        var table = UiText.All.ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.True(table.TryGetValue("Reason." + code, out var text), code);
        Assert.False(string.IsNullOrWhiteSpace(text.Vi));
        Assert.NotEqual(text.En, text.Vi);
    }

    [Theory]
    [InlineData("vi", "Tệp được đặt mật khẩu (mã hoá), không đọc được nếu không có mật khẩu.")]
    [InlineData("en", "The file is password-protected (encrypted) and cannot be read without its password.")]
    public void UiText_EncryptedReason_InEachLanguage(string language, string expected)
    {
        var code = FailureReasons.Code("The PDF is encrypted (password-protected); it cannot be read without its password.");

        Assert.Equal(expected, UiCulture.In(language, () => new UiText()["Reason." + code]));
    }

    public static TheoryData<DocumentKind> Kinds => [.. Enum.GetValues<DocumentKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void UiText_EveryDocumentKindHasALabelInBothLanguages(DocumentKind kind)
    {
        var table = UiText.All.ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.True(table.TryGetValue("Kind." + kind, out var text), kind.ToString());
        Assert.False(string.IsNullOrWhiteSpace(text.Vi));
        Assert.False(string.IsNullOrWhiteSpace(text.En));
    }

    [Theory]
    [InlineData("vi", "Tệp Office")]
    [InlineData("en", "Office file")]
    public void UiText_AnOfficeFileOfUnknownKind_IsNotCalledWord(string language, string expected)
    {
        Assert.Equal(expected, UiCulture.In(language, () => new UiText()["Kind." + DocumentKind.Office]));
    }

    [Fact]
    public void JobResponse_KeepsTheMessageAndAddsItsCode()
    {
        var job = new JobInfo
        {
            Id = 7, ContentHash = "ab", FileName = "de_thi.pdf", Source = "upload", State = JobState.Failed, Kind = DocumentKind.Pdf,
            Reason = "Extraction took longer than the limit of 120 s and was stopped.",
        };

        var response = JobResponse.From(job);

        Assert.Equal((job.Reason, "timeout"), (response.Reason, response.ReasonCode));
    }
}
