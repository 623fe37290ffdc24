using KnowledgeBase.Ingestion;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Security;

/// <summary>
/// An upload form larger than the server takes (Kestrel's <c>MaxRequestBodySize</c>, the file limit plus a
/// megabyte) is answered with the upload page and a sentence saying so (413), in the user's language, instead
/// of the empty 400 that antiforgery or model binding would give when the form cannot be read. Runs before
/// antiforgery (order 1000) and after the form limits (900).
/// </summary>
public sealed class OverSizeUploadPageAttribute : TypeFilterAttribute
{
    public OverSizeUploadPageAttribute()
        : base(typeof(OverSizeUploadPageFilter))
    {
        Order = 950;
    }

    private sealed class OverSizeUploadPageFilter(IOptions<IngestionOptions> options, UiText text, IModelMetadataProvider metadata) : IAsyncAuthorizationFilter
    {
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            var limit = WebApplicationExtensions.LargestRequest(options.Value);
            var tooLarge = request.ContentLength > limit;
            if (!tooLarge && request.HasFormContentType)
            {
                try
                {
                    await request.ReadFormAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
                {
                    tooLarge = true;
                }
            }

            if (!tooLarge)
            {
                return;
            }

            var maxMb = options.Value.MaxFileMb;
            var model = new UploadViewModel(maxMb, [new UploadOutcome(string.Empty, false, text.Format("Upload.RequestTooLarge", maxMb + 1), null)]);
            context.Result = new ViewResult
            {
                ViewName = "~/Views/Upload/Index.cshtml",
                ViewData = new ViewDataDictionary<UploadViewModel>(metadata, context.ModelState) { Model = model },
                StatusCode = StatusCodes.Status413RequestEntityTooLarge,
            };
        }
    }
}
