using System.Globalization;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Runs a piece of a test under one UI language, as a request in that language would.</summary>
internal static class UiCulture
{
    public static T In<T>(string language, Func<T> read)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
