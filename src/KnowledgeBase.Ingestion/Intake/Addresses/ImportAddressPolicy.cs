using System.Net;

namespace KnowledgeBase.Ingestion.Intake.Addresses;

/// <summary>
/// Which addresses URL import may connect to: public addresses only, unless <c>Ingestion:AllowPrivateAddresses</c>
/// is set (an intranet importing from its own servers). <paramref name="alsoAllowed"/> are exact endpoints
/// allowed besides (tests serve from 127.0.0.1). The connection checks the address it actually connects to,
/// after DNS and on every redirect, so no spelling of an address gets around it.
/// </summary>
public sealed class ImportAddressPolicy(bool allowPrivateAddresses, IReadOnlyCollection<IPEndPoint>? alsoAllowed = null)
{
    public bool AllowPrivateAddresses => allowPrivateAddresses;

    public bool IsAllowed(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        return allowPrivateAddresses
            || PublicAddresses.IsPublic(address)
            || (alsoAllowed?.Contains(new IPEndPoint(address, endpoint.Port)) ?? false);
    }
}
