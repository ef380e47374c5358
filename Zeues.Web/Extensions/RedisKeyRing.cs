using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;
using Zeues.Core.Coordination.Redis;

namespace Zeues.Web.Extensions;

/// <summary>
/// Data-protection keys in Redis (the package's <see cref="RedisXmlRepository"/> on the app's one
/// multiplexer), so every node reads the supervisor cookie and a tab's stored worker without a shared
/// folder. While Redis is away a key made meanwhile lives in this process: the node keeps serving, and
/// only what it protected in that time is unreadable elsewhere.
/// </summary>
public sealed class RedisKeyRing(RedisConnection redis, ILogger<RedisKeyRing> logger) : IXmlRepository
{
    private readonly List<XElement> _local = [];
    private readonly RedisXmlRepository _shared = new(() => redis.GetAsync().GetAwaiter().GetResult().GetDatabase(), $"{redis.Options.Prefix}:dataprotection:keys");

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_local)
        {
            try
            {
                return [.. _shared.GetAllElements(), .. _local];
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                logger.LogWarning("Redis no disponible: claves de protección solo de este nodo ({Error})", ex.Message);
                return [.. _local];
            }
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_local)
        {
            try
            {
                _shared.StoreElement(element, friendlyName);
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                logger.LogWarning("Redis no disponible: la clave {Key} queda solo en este nodo ({Error})", friendlyName, ex.Message);
                _local.Add(element);
            }
        }
    }
}
