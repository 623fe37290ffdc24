namespace KnowledgeBase.Core.Extraction;

public enum TextBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    TableRow,
}
