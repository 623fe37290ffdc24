using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Controllers;

/// <summary>The audit trail, newest first: admins only.</summary>
[Authorize(Policy = AccountPrincipal.AdminPolicy)]
public sealed class AuditController(AuditStore audit) : Controller
{
    private const int PageSize = 100;

    [HttpGet("/audit")]
    public IActionResult Index(int page = 1)
    {
        page = Math.Clamp(page, 1, 100_000);
        return View(new AuditViewModel(audit.List((page - 1) * PageSize, PageSize), audit.Count(), page, PageSize));
    }
}
