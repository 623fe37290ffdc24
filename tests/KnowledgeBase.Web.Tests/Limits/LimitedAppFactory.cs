using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgeBase.Web.Tests.Limits;

/// <summary>The app with no seeds and the given <c>Auth:UploadsPerHour</c> and <c>Auth:StorageQuotaMb</c>.</summary>
public abstract class LimitedAppFactory(int uploadsPerHour, long storageQuotaMb) : WebAppFactory
{
    protected override string? SeedsPath => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:UploadsPerHour", uploadsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:StorageQuotaMb", storageQuotaMb.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Two files per hour, no storage quota.</summary>
public sealed class RateLimitedAppFactory() : LimitedAppFactory(2, 0);

/// <summary>One megabyte per user, no upload rate.</summary>
public sealed class QuotaLimitedAppFactory() : LimitedAppFactory(0, 1);
