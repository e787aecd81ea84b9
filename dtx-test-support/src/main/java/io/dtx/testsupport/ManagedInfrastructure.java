package io.dtx.testsupport;

/** An {@link Infrastructure} this package started and therefore stops; tests never close it. */
interface ManagedInfrastructure extends Infrastructure, AutoCloseable {

    @Override
    void close();
}
