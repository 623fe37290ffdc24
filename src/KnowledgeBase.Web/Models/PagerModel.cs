namespace KnowledgeBase.Web.Models;

/// <summary>Previous/next paging; <see cref="Link"/> builds the address of a page.</summary>
public sealed record PagerModel(int Page, int TotalPages, Func<int, string> Link);
