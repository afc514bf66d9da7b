package org.openpayloads.org.db;

import java.util.function.Function;
import org.hibernate.Session;

/** Where a unit of work runs: a transaction of its own, or one shared by a composite request. */
public interface TxRunner {

    <T> T read(Function<Session, T> work);

    <T> T write(Function<Session, T> work);
}
