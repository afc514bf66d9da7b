package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.store.entity.PayloadEntity;

@Tag("database")
class PayloadTreesTest {

    private static OpenStore open;
    private static Transactions transactions;
    private final PayloadTrees trees = new PayloadTrees();

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        transactions = new Transactions(open.store().sessionFactory(), open.clock());
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void aDeepAndWideTreeComesBackNodeForNode() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload payload = StoreTesting.smallPayload("deep").withElements(List.of(node("$", 5, 3), node("$x", 1, 2)));

        List<Payload> loaded = transactions.write("alice", () -> new ConflictException("x", "x"), session -> {
            PayloadEntity entity = new PayloadEntity(Lookups.requireIntegration(session, integration), payload);
            entity.created("alice", transactions.now());
            session.persist(entity);
            trees.insert(session, entity, payload);
            session.flush();
            session.clear();
            return trees.load(session, List.of(Lookups.requirePayload(session, integration, "deep")));
        });

        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).elements()).isEqualTo(payload.elements());
    }

    @Test
    void removePartsLeavesOnlyThePayloadRow() {
        String integration = StoreTesting.storedIntegration(open.store());
        open.store().payloads().create(integration, StoreTesting.fullPayload("full"), "alice");

        Payload loaded = transactions.write("alice", () -> new ConflictException("x", "x"), session -> {
            PayloadEntity entity = Lookups.requirePayload(session, integration, "full");
            trees.removeParts(session, List.of(entity));
            return trees.load(session, List.of(entity)).get(0);
        });

        assertThat(loaded.elements()).isEmpty();
        assertThat(loaded.targets()).isEmpty();
        assertThat(loaded.sources()).isEmpty();
        assertThat(open.store().payloads().find(integration, "full")).isPresent();
    }

    @Test
    void loadingNoPayloadsAsksNothing() {
        List<Payload> none = transactions.read(session -> trees.load(session, List.of()));

        assertThat(none).isEmpty();
    }

    /** A node with {@code width} children per level, {@code depth} levels down. */
    private static Element node(String path, int depth, int width) {
        List<Element> children = new ArrayList<>();
        if (depth > 1) {
            for (int i = 0; i < width; i++) {
                children.add(node(path + ".c" + i, depth - 1, width));
            }
        }
        return new Element(path.substring(path.lastIndexOf('.') + 1), path,
                children.isEmpty() ? DataType.STRING : DataType.OBJECT, depth % 2 == 0, false, children);
    }
}
