package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SolomonReaderTest {

    private static final String TINY = String.join("\r\n",
            "T1", "", "VEHICLE", "NUMBER     CAPACITY", "  3         50", "", "CUSTOMER",
            "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME", " ",
            "    0      40         50          0          0       230          0   ",
            "    1      45         68         10        12        67         10   ",
            "    2      43         50         20         0       200         10   ", "");

    @Test
    void readsHeaderFleetAndCustomersWithCrlf() {
        SolomonInstance instance = SolomonReader.parse(TINY, "fallback");
        assertEquals("T1", instance.name());
        assertEquals(3, instance.vehicleCount());
        assertEquals(50, instance.capacity());
        assertEquals(3, instance.customers().size());
        SolomonInstance.Customer first = instance.customers().get(1);
        assertEquals(45.0, first.x());
        assertEquals(10, first.demand());
        assertEquals(12.0, first.ready());
        assertEquals(67.0, first.due());
        assertEquals(10.0, first.service());
    }

    @Test
    void depotIsCustomerZeroAndItsDueDateIsTheShiftEnd() {
        RoutingPlan plan = SolomonReader.parse(TINY, "fallback").toPlan();
        assertEquals(3, plan.getVehicles().size());
        assertEquals(2, plan.getVisits().size());
        Vehicle vehicle = plan.getVehicles().get(0);
        assertEquals(0, vehicle.getLocation());
        assertEquals(230.0, vehicle.getShiftEnd());
        assertEquals(50, vehicle.getCapacity());
        assertEquals(3.0, plan.getMatrix().distance(0, 2), 1e-12);
        assertEquals("1", plan.getVisits().get(0).getId());
    }

    @Test
    void readsSolomonC101FromSharedData() {
        SolomonInstance c101 = SolomonReader.read(SolomonData.file("C101.txt"));
        assertEquals("C101", c101.name());
        assertEquals(25, c101.vehicleCount());
        assertEquals(200, c101.capacity());
        assertEquals(101, c101.customers().size());
        assertEquals(1236.0, c101.depot().due());
    }
}
