package org.openpayloads.web.filter;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which requests belong to the admin API. Decided on the decoded path segments, without matrix parameters,
 * empty or {@code .} segments, and ignoring case, so that no spelling of a path reaches a resource unchecked.
 */
final class AdminPaths {

    static final List<String> ADMIN_ROOT = List.of("api", "v1");
    static final List<String> OPENAPI = List.of("api", "v1", "openapi.json");

    private AdminPaths() {
    }

    static List<String> segments(UriInfo uriInfo) {
        List<String> segments = new ArrayList<>();
        for (PathSegment segment : uriInfo.getPathSegments(true)) {
            String path = segment.getPath();
            if (path.isEmpty() || path.equals(".")) {
                continue;
            }
            if (path.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(path.toLowerCase(Locale.ROOT));
        }
        return segments;
    }

    static boolean isAdmin(List<String> segments) {
        return segments.size() >= ADMIN_ROOT.size() && segments.subList(0, ADMIN_ROOT.size()).equals(ADMIN_ROOT);
    }
}
