package org.openpayloads.server;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Answers a request that asks to upgrade to cleartext HTTP/2 ({@code Upgrade: h2c}, which the JDK's
 * {@code HttpClient} sends by default) over HTTP/1.1, as RFC 9110 lets a server do. Without it, Grizzly
 * stops reading such a request's body, waiting for an HTTP/2 handler it does not have, and the request
 * hangs until it times out (eclipse-ee4j/jersey#6059).
 */
final class DeclineH2cUpgrade implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("The listener " + listener.getName() + " has no HTTP codec filter");
        }
        builder.add(codec + 1, new BaseFilter() {
            @Override
            public NextAction handleEvent(FilterChainContext context, FilterChainEvent event) throws IOException {
                if (event.type() != HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                    return context.getInvokeAction();
                }
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                header.getUpgradeDC().recycle();
                header.setIgnoreContentModifiers(false);
                return context.getStopAction();
            }
        });
    }
}
