using System.Globalization;

namespace KnowledgeBase.Core.Documents;

public static class PassageIds
{
    public static string Create(string documentId, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{documentId}-{ordinal}");

    public static bool TryParse(string? passageId, out string documentId, out int ordinal)
    {
        documentId = string.Empty;
        ordinal = -1;
        if (passageId is null)
        {
            return false;
        }

        var dash = passageId.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(passageId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ordinal))
        {
            return false;
        }

        documentId = passageId[..dash];
        return DocumentIds.IsValidId(documentId);
    }
}
