using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Api;

/// <summary>The <c>offset</c>/<c>limit</c> paging of the API's lists, checked alike everywhere.</summary>
internal static class ListPaging
{
    public const int MaxLimit = 1000;

    /// <summary>A 400 problem for paging out of range; null when it is fine.</summary>
    public static ActionResult? Refuse(ControllerBase controller, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return offset >= 0 && limit is >= 1 and <= MaxLimit
            ? null
            : controller.Problem(statusCode: 400, title: "Invalid paging", detail: $"offset must be ≥ 0 and limit between 1 and {MaxLimit}.");
    }
}
